import type { SafeStorage } from 'electron';
import type { Message } from '../shared/content/finding.ts';
import { keyFileSecretBox } from '../core/secrets/keyFileSecretBox.ts';
import { SecretBoxError, type SecretBox } from '../core/secrets/secretBox.ts';

const TAG = Buffer.from('PDS1');

/** What the box needs of Electron's safeStorage (the fake electron module gives the same). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

const WEAK_BACKEND: Message = {
  zh: '本机系统没有提供密钥环（如 GNOME Keyring、KWallet），Electron 只能以明文方式保存。PressDesk 因此改用数据文件夹中的密钥文件（secrets.key，仅本用户可读）加密渠道密钥：能读取该文件夹的人即可解密。建议安装并启用系统密钥环后重新输入密钥。',
  en: 'This system offers no keyring (such as GNOME Keyring or KWallet), so Electron could only store secrets as plain text. PressDesk therefore encrypts channel secrets with a key file in the data folder (secrets.key, readable by this user only): anyone who can read that folder can decrypt them. Install and enable a system keyring, then enter the secrets again.',
};

/**
 * The desktop shell's secret box: Electron safeStorage (Keychain, DPAPI, libsecret/KWallet).
 * On Linux without a keyring safeStorage falls back to its `basic_text` backend, which only
 * obscures: PressDesk does not pretend otherwise and uses its key file, with a plain warning
 * shown in the accounts page.
 */
export function safeStorageSecretBox(
  safeStorage: SafeStorageLike,
  dataDir: string,
  platform = process.platform,
): SecretBox {
  const weak =
    !safeStorage.isEncryptionAvailable() ||
    (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  const fallback = keyFileSecretBox(dataDir, weak ? WEAK_BACKEND : null);
  if (weak) return fallback;
  return {
    kind: 'system-keychain',
    warning: null,
    seal: (plain) => Buffer.concat([TAG, safeStorage.encryptString(plain)]),
    open: (sealed) => {
      // Secrets sealed headless (key file) open with the key file: one data folder can be
      // used by both hosts.
      if (!sealed.subarray(0, TAG.length).equals(TAG)) return fallback.open(sealed);
      try {
        return safeStorage.decryptString(sealed.subarray(TAG.length));
      } catch (error) {
        throw new SecretBoxError(
          'The system keychain could not open these secrets (another user or computer).',
          {
            cause: error,
          },
        );
      }
    },
  };
}
