
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'body-map-back': `Rückseite`,
'body-map-front': `Vorderseite`,
'body-map-left': `Links`,
'body-map-right': `Rechts`,
's0fbf6dc6a1966408': `Weiter`,
's137af9f7040dc2d2': `(freiwillig)`,
's28d175aad89d3f67': `Noch nicht beantwortet`,
's2b021bd0ea2fb1ff': `Bitte beantworten Sie diese Frage.`,
's2f8e3882c2518d5f': `Bitte wählen Sie eine Antwort.`,
's4075d09f5c5c0812': `Bitte geben Sie eine ganze Zahl in Ziffern ein.`,
's4a12251ea8db673f': str`Bitte geben Sie einen Wert von ${0} bis ${1} an.`,
's5931ff2f61cc53ac': `Bitte geben Sie ein gültiges Datum ein.`,
's6d886190b1e9d10f': `Dieser Fragebogen kann gerade nicht angezeigt werden.`,
's7732ec33bdcda509': `Tippen oder klicken Sie auf die Linie, um zu antworten.`,
's897abd0c068568d9': str`Bitte geben Sie einen Wert von höchstens ${0} an.`,
's8a773a0132a12ddd': `Bitte geben Sie eine Zahl in Ziffern ein.`,
's8ae42ce9d674b6ce': `Antworten senden`,
's8c8674f87c7198fe': str`Frage ${0} von ${1}`,
's8f726ec613aac9b4': str`Ihre Antwort: ${0}`,
'sa2f16e2e4ab44664': str`Bitte verwenden Sie höchstens ${0} Zeichen.`,
'sb12a59b3ed984dfc': `Bitte wählen Sie mindestens eine Antwort.`,
'sb46e917a4a24c4fe': `Sie haben alle Fragen beantwortet.`,
'sc16e00a7a8b2fde2': `Zurück`,
'sc3b06b29dec15b07': str`Bitte geben Sie einen Wert von mindestens ${0} an.`,
'sc60ddc284e17f81f': str`${0} von ${1} beantwortet`,
'sd096ed3571aaac38': `Vielen Dank`,
'sda156f1d88233f57': `Wählen Sie Ihre Sprache`,
'se4c7a54406e22ea4': `Details für das Personal`,
'sf18456d0137677ed': `Der Fragebogen wird geladen …`,
'sf94f05bb5c724e0a': `Bitte sagen Sie es dem Personal.`,
'sfa7d70d05b7960f7': `Bitte geben Sie einen Wert im erlaubten Bereich an.`,
    };
  