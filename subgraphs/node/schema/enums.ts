import { registerEnumType } from 'type-graphql';

/** GraphQL enums; values equal the ledger's strings so no mapping is needed. */
export const OperatorStatus = { ACTIVE: 'ACTIVE', SUSPENDED: 'SUSPENDED', REVOKED: 'REVOKED' } as const;
export const OperatorRole = {
  IMPORTER_EXPORTER: 'IMPORTER_EXPORTER', CUSTOMS_BROKER: 'CUSTOMS_BROKER', CARRIER: 'CARRIER', WAREHOUSE: 'WAREHOUSE',
  MANUFACTURER: 'MANUFACTURER', LOGISTICS_PROVIDER: 'LOGISTICS_PROVIDER', OTHER: 'OTHER',
} as const;
export const CallerRole = { OFFICER: 'officer', ANALYST: 'analyst', ADMIN: 'admin' } as const;
export const MraStatus = { PROPOSED: 'PROPOSED', ACTIVE: 'ACTIVE', RETIRED: 'RETIRED' } as const;

registerEnumType(OperatorStatus, { name: 'OperatorStatus', description: 'AEO status as recorded by the issuing authority' });
registerEnumType(OperatorRole, { name: 'OperatorRole', description: 'Supply-chain role of an AEO' });
registerEnumType(CallerRole, { name: 'CallerRole', description: 'Role of a customs user, as in MRA terms' });
registerEnumType(MraStatus, { name: 'MraStatus', description: 'An MRA is ACTIVE only once every party approved it' });
