import { createMemoryContractSubject, describeAdapterContract } from '../../src/testing.js';

describeAdapterContract('memory adapter', () => createMemoryContractSubject());

// The same contract with a network-like delay: nothing may depend on calls settling at once.
describeAdapterContract('memory adapter with 3 ms latency', () => createMemoryContractSubject({ latencyMs: 3 }));

// Without multi-device sync the multi-device case skips itself; everything else still holds.
describeAdapterContract('memory adapter without multi-device sync', () =>
  createMemoryContractSubject({ multiDeviceSync: false }),
);
