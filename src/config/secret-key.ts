import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { GaungConfig } from './gaung-config';

const FILE_NAME = 'secret.key';

/**
 * In embedded mode SECRET_KEY may be absent: one is generated on first start and kept in
 * DATA_DIR (mode 0600) so that encrypted credentials and sessions survive restarts.
 * With DATABASE_URL the key is required by loadConfig, so this only ever runs embedded.
 */
export function withSecretKey(config: GaungConfig): GaungConfig {
  if (config.secretKey) return config;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, FILE_NAME);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const secretKey = fs.readFileSync(file, 'utf8').trim();
  return { ...config, secretKey };
}
