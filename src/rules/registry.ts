import { balance } from './shapes/balance';
import { bands } from './shapes/bands';
import { binary } from './shapes/binary';
import { checklist, choice } from './shapes/checklist';
import { interpolate } from './shapes/interpolate';
import { linear } from './shapes/linear';
import { manual } from './shapes/manual';
import { occurrence } from './shapes/occurrence';
import { proportional } from './shapes/proportional';
import type { Rule, RuleShape, ShapeModule } from './types';

/**
 * Every shape, in the order texts are tried: the most specific wording first, manual last so that it never
 * swallows a rule the engine could compute.
 */
const ORDER: ShapeModule[] = [interpolate, balance, linear, proportional, bands, occurrence, checklist, choice, binary, manual] as ShapeModule[];

const ALL_SHAPES: Record<RuleShape, true> = {
  linear: true,
  bands: true,
  interpolate: true,
  proportional: true,
  balance: true,
  checklist: true,
  choice: true,
  occurrence: true,
  binary: true,
  manual: true,
};

/** Rejects duplicates and gaps at load time, as HyperFormula's function registry does. */
function validated(modules: ShapeModule[]): ReadonlyMap<RuleShape, ShapeModule> {
  const map = new Map<RuleShape, ShapeModule>();
  for (const m of modules) {
    if (map.has(m.shape)) throw new Error(`rule shape registered twice: ${m.shape}`);
    map.set(m.shape, m);
  }
  const missing = (Object.keys(ALL_SHAPES) as RuleShape[]).filter((s) => !map.has(s));
  if (missing.length) throw new Error(`rule shapes without a module: ${missing.join(', ')}`);
  return map;
}

export const SHAPES = validated(ORDER);
export const SHAPE_ORDER: readonly ShapeModule[] = ORDER;

export function moduleOf<R extends Rule>(rule: R): ShapeModule<R> {
  return SHAPES.get(rule.shape) as unknown as ShapeModule<R>;
}
