import { useI18n } from '../i18n/I18nProvider.js';

export function LangSwitch({ className = '', testId = 'lang-switch' }: { className?: string; testId?: string }) {
  const { t, toggle } = useI18n();
  return (
    <button
      type="button"
      className={`btn btn-ghost lang-switch ${className}`}
      data-testid={testId}
      onClick={toggle}
      title={t.lang.switchTitle}
      lang={t.lang.code === 'vi' ? 'en' : 'vi'}
    >
      {t.lang.switchLabel}
    </button>
  );
}
