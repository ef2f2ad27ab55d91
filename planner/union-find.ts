/** Disjoint sets of strings; groups come back in a stable order. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  /** Adds an item as its own set (no-op when present). */
  add(item: string): void {
    if (!this.parent.has(item)) this.parent.set(item, item);
  }

  /** The representative of an item's set. */
  find(item: string): string {
    this.add(item);
    let root = item;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = item;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Joins the sets of all items; the smallest representative (by string order) wins. */
  union(...items: string[]): void {
    const roots = [...new Set(items.map((i) => this.find(i)))].sort();
    for (const root of roots.slice(1)) this.parent.set(root, roots[0]!);
  }

  /** Every set, each sorted, ordered by their first item. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const item of this.parent.keys()) {
      const root = this.find(item);
      const group = byRoot.get(root) ?? [];
      group.push(item);
      byRoot.set(root, group);
    }
    return [...byRoot.values()].map((g) => g.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
  }
}

/** The groups joined wherever they share an item (`[[a, b], [b, c], [d]]` → `[[a, b, c], [d]]`), in `UnionFind.groups` order. */
export function joinedGroups(groups: readonly (readonly string[])[]): string[][] {
  const uf = new UnionFind();
  for (const g of groups) {
    for (const id of g) uf.add(id);
    if (g.length > 1) uf.union(...g);
  }
  return uf.groups();
}
