// The admin screens' calls. Each needs the device token (added by apiCall) and a person session,
// opened by a PIN the server checks (openPersonSession).
import {
  AuditResponse,
  ChainReport,
  DeviceInfo,
  DeviceListResponse,
  PairingCodeResponse,
  PeopleResponse,
  PersonSessionResponse,
  PersonSummary,
  type CreatePairingCodeRequest,
  type CreatePersonRequest,
  type UpdatePersonRequest,
} from '../protocol/protocol';
import { apiCall } from './http';

export function openPersonSession(personId: string, pin: string): Promise<PersonSessionResponse> {
  return apiCall('/api/auth/session', { method: 'POST', body: { personId, pin }, schema: PersonSessionResponse });
}

export function createPairingCode(personToken: string, request: CreatePairingCodeRequest): Promise<PairingCodeResponse> {
  return apiCall('/api/admin/pairing-codes', { method: 'POST', body: request, schema: PairingCodeResponse, personToken });
}

export async function listDevices(personToken: string): Promise<DeviceInfo[]> {
  return (await apiCall('/api/admin/devices', { schema: DeviceListResponse, personToken })).devices;
}

export function revokeDevice(personToken: string, deviceId: string): Promise<DeviceInfo> {
  return apiCall(`/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST', schema: DeviceInfo, personToken });
}

export async function listPeople(personToken: string): Promise<PersonSummary[]> {
  return (await apiCall('/api/admin/people', { schema: PeopleResponse, personToken })).people;
}

export function createPerson(personToken: string, request: CreatePersonRequest): Promise<PersonSummary> {
  return apiCall('/api/admin/people', { method: 'POST', body: request, schema: PersonSummary, personToken });
}

export function updatePerson(personToken: string, personId: string, patch: UpdatePersonRequest): Promise<PersonSummary> {
  return apiCall(`/api/admin/people/${encodeURIComponent(personId)}`, { method: 'PATCH', body: patch, schema: PersonSummary, personToken });
}

export function listAudit(personToken: string, before?: string): Promise<AuditResponse> {
  const query = new URLSearchParams({ limit: '100', ...(before ? { before } : {}) });
  return apiCall(`/api/admin/audit?${query}`, { schema: AuditResponse, personToken });
}

export function verifyCustodyChain(personToken: string): Promise<ChainReport> {
  return apiCall('/api/admin/custody-chain', { schema: ChainReport, personToken });
}
