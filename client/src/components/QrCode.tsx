import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code image of `text`, drawn in the browser so links never go to a third party. */
export function QrCode({ text, size = 256, className = '', testId }: { text: string; size?: number; className?: string; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(text, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((url) => {
        if (current) setSrc(url);
      })
      .catch(() => {
        if (current) setSrc(null);
      });
    return () => {
      current = false;
    };
  }, [text, size]);
  if (!src) return null;
  return <img className={`qr ${className}`} src={src} width={size} height={size} alt={text} data-testid={testId} />;
}
