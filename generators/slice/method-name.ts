/** Methods of an app or router whose call registers a route or mounts a router. */
export const REGISTERING_METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all', 'use', 'route'];

/** The Express method a call's name stands for: @awaitjs/express's `getAsync`, `useAsync`, ... register as `get`, `use`, .... Pure. */
export function expressMethod(name: string): string {
  return name.endsWith('Async') ? name.slice(0, -'Async'.length) : name;
}
