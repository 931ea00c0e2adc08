import type { ApiInput } from '../../src-main/api';
import type { PullJobView, RememberedLogin, SshSetupView, TypedDeviceInput } from '../../src-main/core/collect/pull-job-schema';
import type { SourceView } from '../../src-main/core/project/view-schema';
import { callApi } from './api-client';
import { deviceLabel, emptyDeviceDraft, type DeviceDraft } from './ssh-device-form';
import { workspace } from './workspace.svelte';

/** How often the window asks how a running pull is going. */
const POLL_MS = 400;

/** A device waiting in the list to be pulled with the others. */
export interface ListedDevice {
  device: TypedDeviceInput;
  label: string;
}

/** What the form starts from: empty, or a source's host and login name when pulling it again. */
export interface FormStart {
  draft: DeviceDraft;
  /** The source the pull replaces. */
  replace?: { id: string; name: string };
}

/**
 * The Sources screen's SSH side: what the main process offers (vendors, agent, keychain,
 * remembered logins), the devices listed to pull, and the pull running now, polled while it
 * runs. A device the main process has added makes the project view refresh.
 */
export class SshPull {
  setup = $state.raw<SshSetupView | null>(null);
  job = $state.raw<PullJobView | null>(null);
  listed = $state.raw<ListedDevice[]>([]);
  form = $state.raw<FormStart | null>(null);
  error = $state<string | null>(null);
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Devices whose new source the project view has been refreshed for (`job/index`): bookkeeping, not state to show. */
  private announced: string[] = [];

  async load(): Promise<void> {
    try {
      this.setup = await callApi('sshPullSetup', {});
      // A pull that was running when the window reloaded: follow it again.
      if (!this.job && this.setup.job?.running) this.follow(this.setup.job);
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  openForm(start?: FormStart): void {
    this.error = null;
    this.form = start ?? { draft: emptyDeviceDraft(this.setup?.vendors[0]?.id ?? 'cisco-asa') };
  }

  closeForm(): void {
    this.form = null;
  }

  addToList(device: TypedDeviceInput): void {
    this.listed = [...this.listed, { device, label: deviceLabel({ username: device.login.username, host: device.host, port: device.port }) }];
  }

  removeFromList(index: number): void {
    this.listed = this.listed.filter((_, at) => at !== index);
  }

  /** Pulls the listed devices and the one on the form; the list and the form (with their secrets) are let go once it has started. */
  async pull(devices: readonly TypedDeviceInput[], replaceId?: string): Promise<boolean> {
    const requests = devices.map((device) => ({ device, ...(replaceId !== undefined && { replaceId }) }));
    const started = await this.start(requests);
    if (started) {
      this.listed = [];
      this.form = null;
    }
    return started;
  }

  /** Pulls a device whose login the app remembers; `replaceId` when it pulls a source again. */
  pullRemembered(login: RememberedLogin, replaceId?: string): Promise<boolean> {
    return this.start([{ device: { kind: 'remembered', id: login.id }, ...(replaceId !== undefined && { replaceId }) }]);
  }

  /** "Pull again" on a pulled source's card: with its remembered login if there is one, else the form, filled in but for the secrets. */
  async pullAgain(source: SourceView): Promise<void> {
    if (source.origin.kind !== 'ssh') return;
    const { host, port, username } = source.origin;
    const remembered = this.setup?.remembered.find((login) => login.host === host && login.port === port && login.username === username);
    if (remembered) {
      await this.pullRemembered(remembered, source.id);
      return;
    }
    const draft = emptyDeviceDraft(source.vendor);
    this.openForm({ draft: { ...draft, host, port: String(port), login: { ...draft.login, username: username ?? '' } }, replace: { id: source.id, name: source.name } });
  }

  async answer(index: number, answer: 'accept' | 'refuse'): Promise<void> {
    if (!this.job) return;
    await this.call(() => callApi('sshHostKeyAnswer', { jobId: this.job!.id, device: index, answer }));
  }

  /** Cancels the whole pull, or only the device at `index` while the others go on. */
  async cancel(index?: number): Promise<void> {
    if (!this.job) return;
    await this.call(() => callApi('sshPullCancel', { jobId: this.job!.id, ...(index !== undefined && { device: index }) }));
  }

  dismiss(): void {
    if (!this.job?.running) this.job = null;
  }

  async forget(login: RememberedLogin): Promise<void> {
    try {
      const remembered = await callApi('sshLoginForget', { id: login.id });
      if (this.setup) this.setup = { ...this.setup, remembered };
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async start(devices: ApiInput<'sshPullStart'>['devices']): Promise<boolean> {
    this.error = null;
    if (this.job?.running) {
      this.error = 'a pull is running: wait for it to finish, or cancel it';
      return false;
    }
    await workspace.flushSite();
    try {
      this.follow(await callApi('sshPullStart', { devices }));
      return true;
    } catch (error) {
      this.error = messageOf(error);
      return false;
    }
  }

  private async call(work: () => Promise<PullJobView>): Promise<void> {
    try {
      this.update(await work());
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private follow(job: PullJobView): void {
    clearTimeout(this.pollTimer);
    this.update(job);
    const poll = async () => {
      if (!this.job || this.job.id !== job.id || !this.job.running) return;
      await this.call(() => callApi('sshPullStatus', { jobId: job.id }));
      if (this.job?.id === job.id && this.job.running) this.pollTimer = setTimeout(() => void poll(), POLL_MS);
    };
    this.pollTimer = setTimeout(() => void poll(), POLL_MS);
  }

  private update(job: PullJobView): void {
    const ended = this.job?.id === job.id && this.job.running && !job.running;
    this.job = job;
    const added = job.devices.flatMap((device) => (device.source && !this.announced.includes(`${job.id}/${device.index}`) ? [{ key: `${job.id}/${device.index}`, id: device.source.id }] : []));
    if (added.length > 0) {
      this.announced.push(...added.map((item) => item.key));
      void workspace.sourcesPulled(added.map((item) => item.id));
    }
    // A login remembered during the pull shows in the list at once.
    if (ended && job.devices.some((device) => device.note)) void this.load();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const sshPull = new SshPull();
