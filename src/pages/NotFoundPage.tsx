import { Link } from 'react-router';
import { useT } from '../i18n/i18n';

export default function NotFoundPage() {
  const { t } = useT();
  return (
    <section className="page">
      <h1>{t('errors.notFound')}</h1>
      <Link className="button button-primary" to="/">{t('job.back')}</Link>
    </section>
  );
}
