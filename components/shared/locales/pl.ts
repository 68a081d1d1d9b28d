
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'body-map-back': `Z tyłu`,
'body-map-front': `Z przodu`,
'body-map-left': `Lewa strona`,
'body-map-right': `Prawa strona`,
's0fbf6dc6a1966408': `Dalej`,
's137af9f7040dc2d2': `(opcjonalnie)`,
's28d175aad89d3f67': `Jeszcze bez odpowiedzi`,
's2b021bd0ea2fb1ff': `Odpowiedz na to pytanie.`,
's2f8e3882c2518d5f': `Wybierz odpowiedź.`,
's4075d09f5c5c0812': `Wpisz liczbę całkowitą cyframi.`,
's4a12251ea8db673f': str`Podaj wartość od ${0} do ${1}.`,
's5931ff2f61cc53ac': `Wpisz prawidłową datę.`,
's6d886190b1e9d10f': `Nie można teraz wyświetlić tego kwestionariusza.`,
's7732ec33bdcda509': `Dotknij linii lub kliknij ją, aby odpowiedzieć.`,
's897abd0c068568d9': str`Podaj wartość co najwyżej ${0}.`,
's8a773a0132a12ddd': `Wpisz liczbę cyframi.`,
's8ae42ce9d674b6ce': `Wyślij odpowiedzi`,
's8c8674f87c7198fe': str`Pytanie ${0} z ${1}`,
's8f726ec613aac9b4': str`Twoja odpowiedź: ${0}`,
'sa2f16e2e4ab44664': str`Skróć odpowiedź (maksymalnie ${0} znaków).`,
'sb12a59b3ed984dfc': `Wybierz co najmniej jedną odpowiedź.`,
'sb46e917a4a24c4fe': `Odpowiedziano na wszystkie pytania.`,
'sc16e00a7a8b2fde2': `Wstecz`,
'sc3b06b29dec15b07': str`Podaj wartość co najmniej ${0}.`,
'sc60ddc284e17f81f': str`Odpowiedzi: ${0} z ${1}`,
'sd096ed3571aaac38': `Dziękujemy`,
'sda156f1d88233f57': `Wybierz swój język`,
'se4c7a54406e22ea4': `Szczegóły dla personelu`,
'sf18456d0137677ed': `Wczytywanie kwestionariusza…`,
'sf94f05bb5c724e0a': `Powiedz o tym komuś z personelu.`,
'sfa7d70d05b7960f7': `Podaj wartość z dozwolonego zakresu.`,
    };
  