/** A urlencoded body as @fastify/formbody parses it: a repeated name becomes a list. */
export type FormBody = Record<string, string | string[] | undefined>;
