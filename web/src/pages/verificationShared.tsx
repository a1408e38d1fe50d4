import { FilePdfOutlined } from '@ant-design/icons';
import { Image, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n/verification.js';

export type VerificationLevel = 'none' | 'registry' | 'field';

export interface FieldVisit {
  id: string;
  visitedOn: string;
  inspector: string;
  notes: string;
  photoUrls: string[];
}

export interface VerificationView {
  status: 'none' | 'pending' | 'approved' | 'rejected' | 'revoked';
  verified: boolean;
  verifiedAt: string | null;
  level: VerificationLevel;
  reason: string | null;
  submission: null | {
    id: string;
    uscc: string;
    legalName: string;
    legalRepresentative: string;
    registeredCapital: string;
    establishedOn: string;
    registeredAddress: string;
    businessScope: string;
    licenseFileId: string;
    licenseUrl: string;
    submittedAt: string;
    decidedAt: string | null;
    mismatches: string[];
  };
  fieldVisits: FieldVisit[];
}

export interface UploadedFile {
  id: string;
  url: string;
  contentType: string;
  byteSize: number;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const LICENSE_TYPES = ['image/png', 'image/jpeg', 'application/pdf'];

/** A license (or photo) preview: the image itself, or a link for PDFs and anything the browser cannot draw. */
export function LicensePreview({ url, contentType, name, width = 240 }: { url: string; contentType?: string; name?: string; width?: number }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  if (contentType === 'application/pdf' || broken) {
    return (
      <a href={url} target="_blank" rel="noreferrer" data-testid="license-pdf">
        <Space size={6}>
          <FilePdfOutlined style={{ color: '#CF1322', fontSize: 20 }} />
          {name ?? t('verification.openPdf')}
        </Space>
      </a>
    );
  }
  return (
    <Space orientation="vertical" size={4}>
      <Image src={url} width={width} alt={name ?? 'license'} onError={() => setBroken(true)} style={{ border: '1px solid #f0f0f0', borderRadius: 4, maxHeight: width * 1.5, objectFit: 'contain' }} data-testid="license-image" />
      {name && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{name}</Typography.Text>}
    </Space>
  );
}
