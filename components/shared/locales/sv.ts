
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'body-map-back': `Bakifrån`,
'body-map-front': `Framifrån`,
'body-map-left': `Vänster`,
'body-map-right': `Höger`,
's0fbf6dc6a1966408': `Nästa`,
's137af9f7040dc2d2': `(frivillig)`,
's28d175aad89d3f67': `Inte besvarad ännu`,
's2b021bd0ea2fb1ff': `Svara på den här frågan.`,
's2f8e3882c2518d5f': `Välj ett svar.`,
's4075d09f5c5c0812': `Skriv ett heltal med siffror.`,
's4a12251ea8db673f': str`Ange ett värde från ${0} till ${1}.`,
's5931ff2f61cc53ac': `Skriv ett giltigt datum.`,
's6d886190b1e9d10f': `Frågeformuläret kan inte visas just nu.`,
's7732ec33bdcda509': `Tryck eller klicka på linjen för att svara.`,
's897abd0c068568d9': str`Ange ett värde på högst ${0}.`,
's8a773a0132a12ddd': `Skriv ett tal med siffror.`,
's8ae42ce9d674b6ce': `Skicka svar`,
's8c8674f87c7198fe': str`Fråga ${0} av ${1}`,
's8f726ec613aac9b4': str`Ditt svar: ${0}`,
'sa2f16e2e4ab44664': str`Använd högst ${0} tecken.`,
'sb12a59b3ed984dfc': `Välj minst ett svar.`,
'sb46e917a4a24c4fe': `Du har svarat på alla frågor.`,
'sc16e00a7a8b2fde2': `Tillbaka`,
'sc3b06b29dec15b07': str`Ange ett värde på minst ${0}.`,
'sc60ddc284e17f81f': str`${0} av ${1} besvarade`,
'sd096ed3571aaac38': `Tack`,
'sda156f1d88233f57': `Välj ditt språk`,
'se4c7a54406e22ea4': `Detaljer för personalen`,
'sf18456d0137677ed': `Frågeformuläret laddas …`,
'sf94f05bb5c724e0a': `Säg till någon i personalen.`,
'sfa7d70d05b7960f7': `Ange ett värde inom det tillåtna intervallet.`,
    };
  