/** How much storage is used and whether it is persistent: read where the browser says, 'unknown' where it cannot. */
import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage, storageStatus, type StorageManagerLike } from './storage-status.ts';

const MB = 1024 * 1024;

describe('storageStatus', () => {
  it('reports the usage, the quota and whether storage is persistent, as the browser gives them', async () => {
    const storage: StorageManagerLike = {
      estimate: () => Promise.resolve({ usage: 12 * MB, quota: 300 * MB }),
      persisted: () => Promise.resolve(true),
      persist: () => Promise.reject(new Error('must not be asked for a status')),
    };
    expect(await storageStatus(storage)).toEqual({ usageBytes: 12 * MB, quotaBytes: 300 * MB, persisted: true });
  });

  it('says unknown for everything where there is no StorageManager (plain http, Node)', async () => {
    expect(await storageStatus(undefined)).toEqual({ usageBytes: 'unknown', quotaBytes: 'unknown', persisted: 'unknown' });
  });

  it('says unknown for what the browser lacks, or does not say, or fails to answer', async () => {
    expect(await storageStatus({ estimate: () => Promise.resolve({ usage: 5 }) })).toEqual({ usageBytes: 5, quotaBytes: 'unknown', persisted: 'unknown' });
    expect(await storageStatus({ estimate: () => Promise.reject(new Error('no')), persisted: () => Promise.resolve(false) })).toEqual({
      usageBytes: 'unknown',
      quotaBytes: 'unknown',
      persisted: false,
    });
  });

  it('asks nothing of the user', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    await storageStatus({ persist });
    expect(persist).not.toHaveBeenCalled();
  });
});

describe('requestPersistentStorage', () => {
  it('asks the browser to keep the data and says what it granted', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    expect(await requestPersistentStorage({ persist })).toBe(false);
    expect(persist).toHaveBeenCalledOnce();
    expect(await requestPersistentStorage({ persist: () => Promise.resolve(true) })).toBe(true);
  });

  it('says unknown where it cannot be asked, or the asking fails', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unknown');
    expect(await requestPersistentStorage({})).toBe('unknown');
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('no')) })).toBe('unknown');
  });
});
