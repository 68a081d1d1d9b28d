
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'body-map-back': `Bagfra`,
'body-map-front': `Forfra`,
'body-map-left': `Venstre`,
'body-map-right': `Højre`,
's0fbf6dc6a1966408': `Næste`,
's137af9f7040dc2d2': `(valgfrit)`,
's28d175aad89d3f67': `Ikke besvaret endnu`,
's2b021bd0ea2fb1ff': `Besvar dette spørgsmål.`,
's2f8e3882c2518d5f': `Vælg et svar.`,
's4075d09f5c5c0812': `Skriv et helt tal med cifre.`,
's4a12251ea8db673f': str`Angiv en værdi fra ${0} til ${1}.`,
's5931ff2f61cc53ac': `Skriv en gyldig dato.`,
's6d886190b1e9d10f': `Spørgeskemaet kan ikke vises lige nu.`,
's7732ec33bdcda509': `Tryk eller klik på linjen for at svare.`,
's897abd0c068568d9': str`Angiv en værdi på højst ${0}.`,
's8a773a0132a12ddd': `Skriv et tal med cifre.`,
's8ae42ce9d674b6ce': `Send svar`,
's8c8674f87c7198fe': str`Spørgsmål ${0} af ${1}`,
's8f726ec613aac9b4': str`Dit svar: ${0}`,
'sa2f16e2e4ab44664': str`Brug højst ${0} tegn.`,
'sb12a59b3ed984dfc': `Vælg mindst ét svar.`,
'sb46e917a4a24c4fe': `Du har besvaret alle spørgsmålene.`,
'sc16e00a7a8b2fde2': `Tilbage`,
'sc3b06b29dec15b07': str`Angiv en værdi på mindst ${0}.`,
'sc60ddc284e17f81f': str`${0} af ${1} besvaret`,
'sd096ed3571aaac38': `Tak`,
'sda156f1d88233f57': `Vælg dit sprog`,
'se4c7a54406e22ea4': `Detaljer til personalet`,
'sf18456d0137677ed': `Spørgeskemaet indlæses …`,
'sf94f05bb5c724e0a': `Sig det til en medarbejder.`,
'sfa7d70d05b7960f7': `Angiv en værdi inden for det tilladte område.`,
    };
  