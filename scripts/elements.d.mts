/** The package's elements, as its exports name them (see elements.mjs). */
export declare const elementNames: string[];
