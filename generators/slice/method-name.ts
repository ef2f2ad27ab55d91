/** The Express method a call's name stands for: @awaitjs/express's `getAsync`, `useAsync`, ... register as `get`, `use`, .... Pure. */
export function expressMethod(name: string): string {
  return name.endsWith('Async') ? name.slice(0, -'Async'.length) : name;
}
