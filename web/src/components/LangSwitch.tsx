import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang } from '../i18n/index.js';

export function LangSwitch({ dark = false }: { dark?: boolean }) {
  const { i18n } = useTranslation();
  const isZh = i18n.language !== 'en-US';
  return (
    <Button
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      data-testid="lang-switch"
      aria-label={isZh ? 'Switch to English' : '切换到中文'}
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      onClick={() => void setLang(isZh ? 'en-US' : 'zh-CN')}
    >
      {isZh ? 'English' : '中文'}
    </Button>
  );
}
