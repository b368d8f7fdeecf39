import { describeLifecycle } from '../support/lifecycle-suite';
import { startMediumSystem } from '../support/medium';

// The lifecycle e2e on the dev server: the gateway in-process, a real worker, SQLite (ADR 36). The same suite
// runs on the production topology in test/cluster/lifecycle.cluster.spec.ts.
describeLifecycle('dev server', 'sqlite', (databaseUrl, taskQueue) => startMediumSystem({ databaseUrl, taskQueue }));
