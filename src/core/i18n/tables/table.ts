/** A feature's Dutch table: exactly the keys of its English one. */
export type TableOf<T> = { readonly [K in keyof T]: string };
