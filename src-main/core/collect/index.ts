export { WEAK_ALGORITHMS, classifyWeakAlgorithms } from './algorithms';
export type { SshCredentials } from './auth';
export type { CommandRecord } from './capture';
export { CollectError, targetLabel, type CollectFailure, type CollectStep } from './errors';
export { EVIDENCE_SCHEMA, evidencePathFor, incompletePathFor, readCaptureEvidence, type CaptureEvidence } from './evidence';
export {
  acceptNewHostKeys,
  fingerprintOf,
  refuseUnknownHostKeys,
  type HostKeyPolicy,
  type PresentedHostKey,
  type UnknownHostKeyDecision,
} from './host-key';
export type { HostKeyOptions, TrustedHostKey } from './host-key-gate';
export type { SshVendorProfile } from './profile';
export { sshProfileFor, sshVendorIds } from './profiles';
export { pullConfiguration, type PullOptions, type PullProgress, type PullResult, type PullTarget } from './pull';
export { pullMany, type DeviceStatus, type PullManyOptions, type PullOutcome } from './pull-many';
export { saveCapture, type SavedCapture } from './save';
export { DEFAULT_TIMEOUTS, type StepTimeouts } from './timeouts';
