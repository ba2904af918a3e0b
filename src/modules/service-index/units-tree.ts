import type { Executor } from '../../platform/database/database.js';

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

/** The whole units tree in one query: subtree sums are then done in memory (a province has a few hundred units). */
export class UnitsTree {
  private readonly byId = new Map<number, TreeUnit>();
  private readonly children = new Map<number, number[]>();

  constructor(units: TreeUnit[]) {
    for (const unit of units) {
      this.byId.set(unit.id, unit);
      if (unit.parentId !== null) this.children.set(unit.parentId, [...(this.children.get(unit.parentId) ?? []), unit.id]);
    }
  }

  static async load(db: Executor): Promise<UnitsTree> {
    const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'parent_id']).orderBy('code').execute();
    return new UnitsTree(rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name, parentId: r.parent_id === null ? null : Number(r.parent_id) })));
  }

  find(id: number): TreeUnit | undefined {
    return this.byId.get(id);
  }

  roots(): TreeUnit[] {
    return [...this.byId.values()].filter((u) => u.parentId === null);
  }

  childrenOf(id: number): TreeUnit[] {
    return (this.children.get(id) ?? []).map((child) => this.byId.get(child)!);
  }

  /** The unit and all its descendants. */
  subtree(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (!this.byId.has(next)) continue;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out;
  }
}
