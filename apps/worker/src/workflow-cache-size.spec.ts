import { CACHED_WORKFLOW_MIB, workflowCacheSize } from './decision-worker';

describe('workflowCacheSize (ADR 0128)', () => {
  it('keeps the heap less 512 MiB at 6 MiB a workflow', () => {
    expect(CACHED_WORKFLOW_MIB).toBe(6);
    expect(workflowCacheSize(4144)).toBe(605); // Node's default heap on a 24 GiB machine
    expect(workflowCacheSize(8192)).toBe(1280);
  });

  it('keeps at least 10 on a small heap', () => {
    expect(workflowCacheSize(512)).toBe(10);
    expect(workflowCacheSize(100)).toBe(10);
  });

  it('sizes from this process’s heap by default', () => {
    expect(workflowCacheSize()).toBeGreaterThanOrEqual(10);
  });
});
