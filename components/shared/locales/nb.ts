
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'body-map-back': `Bakfra`,
'body-map-front': `Forfra`,
'body-map-left': `Venstre`,
'body-map-right': `Høyre`,
's0fbf6dc6a1966408': `Neste`,
's137af9f7040dc2d2': `(valgfritt)`,
's28d175aad89d3f67': `Ikke besvart ennå`,
's2b021bd0ea2fb1ff': `Svar på dette spørsmålet.`,
's2f8e3882c2518d5f': `Velg et svar.`,
's4075d09f5c5c0812': `Skriv et helt tall med sifre.`,
's4a12251ea8db673f': str`Oppgi en verdi fra ${0} til ${1}.`,
's5931ff2f61cc53ac': `Skriv en gyldig dato.`,
's6d886190b1e9d10f': `Spørreskjemaet kan ikke vises akkurat nå.`,
's7732ec33bdcda509': `Trykk eller klikk på linjen for å svare.`,
's897abd0c068568d9': str`Oppgi en verdi på høyst ${0}.`,
's8a773a0132a12ddd': `Skriv et tall med sifre.`,
's8ae42ce9d674b6ce': `Send svar`,
's8c8674f87c7198fe': str`Spørsmål ${0} av ${1}`,
's8f726ec613aac9b4': str`Ditt svar: ${0}`,
'sa2f16e2e4ab44664': str`Bruk høyst ${0} tegn.`,
'sb12a59b3ed984dfc': `Velg minst ett svar.`,
'sb46e917a4a24c4fe': `Du har svart på alle spørsmålene.`,
'sc16e00a7a8b2fde2': `Tilbake`,
'sc3b06b29dec15b07': str`Oppgi en verdi på minst ${0}.`,
'sc60ddc284e17f81f': str`${0} av ${1} besvart`,
'sd096ed3571aaac38': `Takk`,
'sda156f1d88233f57': `Velg språket ditt`,
'se4c7a54406e22ea4': `Detaljer for personalet`,
'sf18456d0137677ed': `Spørreskjemaet lastes inn …`,
'sf94f05bb5c724e0a': `Si ifra til en ansatt.`,
'sfa7d70d05b7960f7': `Oppgi en verdi innenfor det tillatte området.`,
    };
  