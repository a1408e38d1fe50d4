import { Alert, Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemError, problemDetail } from '../api.js';

export function ProblemAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={problemDetail(error)} style={style} data-testid="problem" />;
}

export function ProblemResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ProblemError ? error.status : 0;
  const resultStatus = status === 403 ? '403' : status === 404 ? '404' : 'error';
  return (
    <Result
      status={resultStatus}
      title={status === 404 ? t('errors.notFound') : status === 403 ? t('errors.forbidden') : t('errors.generic')}
      subTitle={problemDetail(error)}
      extra={
        <>
          {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        </>
      }
    />
  );
}
