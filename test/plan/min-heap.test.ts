import { MinHeap } from '../../planner/min-heap';
import { seededRng } from '../../planner/rng';

describe('planner/min-heap', () => {
  it('gives the items back in comparator order', () => {
    const rng = seededRng(7);
    const values = Array.from({ length: 500 }, () => Math.floor(rng() * 1000));
    const heap = new MinHeap<number>((a, b) => a < b);
    for (const v of values) heap.push(v);
    expect(heap.size).toBe(500);
    const out: number[] = [];
    for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });
});
