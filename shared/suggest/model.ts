import data from './model/lm.json';
import { loadCharModel, type CharModel, type CharModelData } from './lm';

let cached: CharModel | undefined;

/** The bundled character model, parsed once on first use (≈ 900 kB JSON; a few tens of ms). */
export function bundledModel(): CharModel {
  cached ??= loadCharModel(data as CharModelData);
  return cached;
}
