/** The development address written in manifest.xml (webpack dev server, sideloading). */
export declare const DEV_ADDRESS: "https://localhost:3000/";
/** Absolute HTTPS address (HTTP only for the local machine), no query/fragment, ending with "/"; throws otherwise. */
export declare function normalizeAddress(address: string): string;
/** Replaces every occurrence of DEV_ADDRESS in `text` by the normalized `address`. */
export declare function rewriteAddress(text: string, address: string): string;
