import { TestSshd } from '../helpers/sshd';
import { test as workstationTest } from './workstation-fixture';

/**
 * The workstation fixture with a real OpenSSH server of the test's own on loopback, whose
 * sessions run the ASA emulator: the spec types its port into the app, and the app keeps the
 * host keys it accepts in the test's own settings folder (`dirs.config`).
 */
export const test = workstationTest.extend<{ sshd: TestSshd }>({
  sshd: async ({}, use) => {
    const sshd = await TestSshd.start();
    await use(sshd);
    await sshd.stop();
  },
});

export { expect } from './workstation-fixture';
