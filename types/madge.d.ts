/** The part of madge's JavaScript API cleave uses (madge ships no types). */
declare module 'madge' {
  interface MadgeConfig {
    fileExtensions?: string[];
    tsConfig?: string | object;
    excludeRegExp?: RegExp[];
    baseDir?: string;
    detectiveOptions?: object;
  }
  interface MadgeInstance {
    /** Dependency graph: file → files it imports, relative to the base dir. */
    obj(): Record<string, string[]>;
    /** Import cycles. */
    circular(): string[][];
  }
  function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeInstance>;
  export = madge;
}
