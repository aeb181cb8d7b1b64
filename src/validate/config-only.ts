import { loadConfig } from '../config/load.js';
import type { ConfigName } from '../config/registry.js';
import { emptyPlan } from '../kernel/plan.js';
import type { Job } from '../job/contract.js';

/**
 * A capability whose decisions are not built yet still reads and checks its config file on
 * its real triggers, so a bad file is caught now and the wiring is proven end to end.
 */
export function configOnlyJob(configName: ConfigName): Job {
  return async (context) => {
    const config = await loadConfig(context.source, { only: [configName] });
    const loaded = config.files.map((f) => f.path);
    const note =
      loaded.length > 0
        ? `checked ${loaded.join(', ')}`
        : `no ${configName}.yaml in ${context.source.folder}`;
    return {
      config,
      plans: [
        emptyPlan(context.capability, context.repo, [
          note,
          `this version of support-kit decides no ${context.capability} operations yet`,
        ]),
      ],
    };
  };
}
