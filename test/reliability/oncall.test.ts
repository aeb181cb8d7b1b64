import { specify } from './spec.js';
import { TARGETS } from '../../dev/harness/reliability/targets.js';

specify([TARGETS[2]].filter((t) => t !== undefined));
