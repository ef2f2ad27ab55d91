/** The fixed definition of every plan metric, stored in the plan and printed in the report. */
export const METRIC_DEFINITIONS = {
  structuralModularity:
    "Mancoridis' modularisation quality (MQ) over the app's import graph, each file assigned to the one function that uses it or to a 'shared' cluster when several do: mean cohesion A_i = edges inside cluster i / n_i² minus mean coupling E_ij = edges between clusters i and j / (2·n_i·n_j). Range -1..1; higher is better.",
  icp: 'Inter-function dependency share (ICP): import edges between files of different owners (a function, or the shared cluster) / all import edges among files the functions use. Range 0..1; lower means fewer dependencies cross function boundaries.',
  ifn: 'Interface number (IFN): routes in functions / number of functions, the mean number of endpoints each function exposes. Lower is finer-grained.',
  entitySpread:
    "Entity spread: for each data entity, the entropy in bits of how its routes are distributed over functions (H = -Σ p_f·log2 p_f, p_f = share of the entity's routes in function f), averaged over entities. 0 means every entity lives in one function.",
  sharedCodeRatio:
    'Shared-code ratio: bytes of files used by two or more functions / bytes of files used by any function. Range 0..1; the code each deployment duplicates.',
  appBundleBytes:
    'Bytes of the whole app bundled from its entries (esbuild, platform node, format cjs, npm packages external, not minified): the baseline for the function bundles.',
  largestBundleRatio: 'Largest function bundle / whole-app bundle. Near 1 means some function carries almost the whole app.',
  meanBundleRatio: 'Mean function bundle / whole-app bundle: how much of the app each function loads on a cold start, on average.',
} as const;
