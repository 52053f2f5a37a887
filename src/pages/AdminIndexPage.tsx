import { Navigate } from 'react-router';
import { useCurrentPerson } from '../hooks/use-current-person';

/** /admin: an admin starts with the devices, a manager with the people. */
export default function AdminIndexPage() {
  const person = useCurrentPerson();
  if (person === undefined) return <div className="loading" aria-busy="true" />;
  return <Navigate to={person?.role === 'admin' ? '/admin/devices' : '/admin/people'} replace />;
}
