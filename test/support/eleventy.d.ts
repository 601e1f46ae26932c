// @11ty/eleventy ships no type declarations: what generated-sites.mjs uses of it.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(
      input: string,
      output: string,
      options?: {
        quietMode?: boolean;
        configPath?: string | false;
        config?: (eleventyConfig: {addPlugin(plugin: unknown, options?: unknown): void}) => void | Promise<void>;
      },
    );
    write(): Promise<unknown>;
  }
}
