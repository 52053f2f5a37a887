import { Navigate, useParams } from 'react-router';

/**
 * `/t/<job number>` is the URL printed in the QR tag, so a phone's own camera opens the job too.
 * It simply becomes the job screen.
 */
export default function TagRedirectPage() {
  const { number = '' } = useParams();
  return <Navigate to={`/job/${encodeURIComponent(number.trim().toUpperCase())}`} replace />;
}
