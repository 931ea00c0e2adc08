import { app, safeStorage } from 'electron';
import type { SecretEncryption } from '../core/collect/credential-vault';

/**
 * Remembered SSH logins sealed by the OS keychain through Electron's safeStorage (Keychain on
 * macOS, DPAPI on Windows, libsecret or KWallet on Linux). Linux without a keyring falls back
 * to a key written in Chromium's source, which protects nothing: that counts as no keychain.
 */
export const electronSecretEncryption: SecretEncryption = {
  unavailableReason() {
    if (!app.isReady()) return 'the app is still starting';
    if (!safeStorage.isEncryptionAvailable()) return 'the operating system offers no keychain to the app';
    if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) {
      return 'no keyring (GNOME Keyring or KWallet) is running for this session';
    }
    return undefined;
  },
  encrypt: (plainText) => safeStorage.encryptString(plainText),
  decrypt: (encrypted) => safeStorage.decryptString(encrypted),
};
