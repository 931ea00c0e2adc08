import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullMany, refuseUnknownHostKeys, type DeviceStatus, type HostKeyPolicy, type PullTarget } from '../../src-main/core/collect/index';
import { closedPort, sshdAvailable, TestSshd } from '../helpers/sshd';

describe.runIf(sshdAvailable)('pulling many devices', () => {
  let sshd: TestSshd;
  beforeAll(async () => {
    sshd = await TestSshd.start();
  });
  afterAll(() => sshd?.stop());

  it('runs at most `concurrency` at once, reports each device, and one failure does not stop the rest', async () => {
    const targets: PullTarget[] = [
      ...[1, 2, 3, 4].map((n) => sshd.keyTarget(sshd.addClientKey(`fw${n}`), { name: `fw${n}` })),
      sshd.keyTarget(sshd.addClientKey('fw5-drops', { modes: ['drop'] }), { name: 'fw5' }),
      { ...sshd.keyTarget(sshd.addClientKey('fw6')), name: 'fw6', port: await closedPort() },
      sshd.keyTarget(sshd.addClientKey('fw7-pager', { modes: ['pager-stuck'] }), { name: 'fw7' }),
    ];
    let running = 0;
    let mostAtOnce = 0;
    const statuses: string[] = [];
    const phases = new Map<string, Set<string>>();
    const outcomes = await pullMany(targets, {
      hostKeys: { knownHostsFile: sshd.knownHostsFile(), policy: refuseUnknownHostKeys },
      concurrency: 3,
      onStatus: (target, status: DeviceStatus) => {
        statuses.push(`${target} ${status}`);
        if (status === 'running') mostAtOnce = Math.max(mostAtOnce, ++running);
        if (status === 'complete' || status === 'incomplete' || status === 'failed') running--;
      },
      onProgress: (event) => phases.set(event.target, (phases.get(event.target) ?? new Set()).add(event.phase)),
    });

    expect(outcomes.map((outcome) => `${outcome.target} ${outcome.status}`)).toEqual(['fw1 complete', 'fw2 complete', 'fw3 complete', 'fw4 complete', 'fw5 incomplete', 'fw6 failed', 'fw7 complete']);
    expect(outcomes[5]!.error?.message).toMatch(/^127\.0\.0\.1:\d+: connection refused/);
    expect(outcomes[4]!.result?.incompleteReason).toContain('the connection closed before the output ended');
    expect(mostAtOnce).toBe(3);
    expect(statuses.filter((status) => status.endsWith('queued'))).toHaveLength(7);
    expect(phases.get('fw1')).toEqual(new Set(['connecting', 'host-key', 'authenticating', 'ready', 'prompt', 'enable', 'setup', 'command', 'complete']));
    expect(phases.get('fw6')).toEqual(new Set(['connecting', 'failed']));
    for (const outcome of outcomes.filter((candidate) => candidate.status === 'complete')) {
      expect(outcome.result!.configuration).toBe(outcomes[0]!.result!.configuration);
    }
  });

  it('puts unknown host keys to the policy one at a time, as a person answers them', async () => {
    let asking = 0;
    let mostAtOnce = 0;
    const policy: HostKeyPolicy = {
      async unknownHostKey() {
        mostAtOnce = Math.max(mostAtOnce, ++asking);
        await new Promise((resolve) => setTimeout(resolve, 150));
        asking--;
        return 'accept-once' as const;
      },
    };
    const targets = [1, 2, 3].map((n) => sshd.keyTarget(sshd.addClientKey(`ask${n}`), { name: `ask${n}` }));
    const outcomes = await pullMany(targets, { hostKeys: { knownHostsFile: join(sshd.dir, 'nobody_known'), policy }, concurrency: 3 });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['complete', 'complete', 'complete']);
    expect(mostAtOnce).toBe(1);
  });
});
