/**
 * A full garbage collection, between the corpus stages and before the export. Each corpus stage
 * builds large short-lived structures (the dedupe's nodes and blocks, the event clusters) and
 * V8 collects its old generation only once the heap has grown well past what survived the last
 * full collection: the next stage then starts on top of the last one's garbage. Measured on the
 * bench's 10-million-token corpus (one worker): the run's peak resident memory fell from ~1.9 GB
 * to the figure in README ("Known limitations") with collections at these points, each a fraction
 * of a second.
 *
 * `gc` is V8's, made reachable by the `--expose-gc` flag: set here at run time, it takes effect
 * for contexts created afterwards, so the function is fetched from a new one. Where that is not
 * possible, nothing is done.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;
/** Bytes of the heap in use after the last collection made here. */
let usedAfterLast = 0;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      const exposed = (globalThis as { gc?: () => void }).gc;
      if (typeof exposed === 'function') gc = exposed;
      else {
        setFlagsFromString('--expose-gc');
        const fn: unknown = runInNewContext('gc');
        gc = typeof fn === 'function' ? (fn as () => void) : null;
      }
    } catch {
      gc = null;
    }
  }
  if (gc === null) return;
  gc();
  usedAfterLast = getHeapStatistics().used_heap_size;
}

/**
 * Turns V8's allocation-site pretenuring off (`on` false) or back on. Where most objects made at
 * one place in the code live long, V8 makes that place's later objects in the old generation
 * straight away, the short-lived ones included, and they stay there until a full collection. In
 * the corpus stages that is most of their garbage: the entity dedupe's union (half the clusters
 * it builds are kept, the rest dropped at once) left ~70 MB there in the variant phase at 10M
 * tokens, which was the run's peak with the export's start. Off from the barrier (the
 * per-document workers have ended) to the end of the run: the entity dedupe's sampled peak at 10M
 * ~472 -> 440 MB (424 with it off for the whole run). On again when the run ends (`runOnFiles`,
 * `extract`) and as a run's per-document phase starts, where pretenuring saves copying the model's
 * long-lived objects (that phase took 163 s with it off, against 136-148 s). A V8 flag set at run time, as `--expose-gc` above; V8 reads it as
 * each collection weighs its allocation sites.
 */
export function allocationSitePretenuring(on: boolean): void {
  try {
    setFlagsFromString(on ? '--allocation-site-pretenuring' : '--no-allocation-site-pretenuring');
  } catch {
    // Flags that can no longer be changed: V8's default stays.
  }
}

/**
 * {@link collectGarbage} when the heap in use has grown by more than `bytes` since the last
 * collection made here (else nothing); true when it collected. Between the steps of a corpus
 * stage, most of what one step built is garbage once it ends: the entity dedupe's phases each
 * build blocks, maps and candidate pairs over every node of the run, and without a collection
 * between them the old generation grew by ~100 MB of it before V8 collected on its own (10M tokens).
 */
export function collectGarbageIfGrown(bytes: number): boolean {
  if (getHeapStatistics().used_heap_size - usedAfterLast <= bytes) return false;
  collectGarbage();
  return gc !== null;
}

/**
 * A function that gives one copy of each string it is given: for strings many records repeat
 * (a file's name, a date, a word), each read or cut anew as a string of its own.
 */
export function stringInterner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const v = seen.get(s);
    if (v !== undefined) return v;
    seen.set(s, s);
    return s;
  };
}
