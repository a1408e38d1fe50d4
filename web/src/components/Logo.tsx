import { Link } from 'react-router';

export function Logo({ to = '/', compact = false, light = false }: { to?: string; compact?: boolean; light?: boolean }) {
  return (
    <Link to={to} style={{ display: 'inline-flex', alignItems: 'center', gap: 8, textDecoration: 'none', whiteSpace: 'nowrap' }} aria-label="通商 Tongshang">
      <span
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          width: 34,
          height: 34,
          borderRadius: 8,
          background: '#F25C05',
          color: '#fff',
          fontWeight: 700,
          fontSize: 18,
        }}
      >
        通
      </span>
      {!compact && (
        <span style={{ lineHeight: 1.1 }}>
          <span style={{ display: 'block', fontSize: 20, fontWeight: 700, color: light ? '#fff' : '#F25C05', letterSpacing: 2 }}>通商</span>
          <span style={{ display: 'block', fontSize: 11, color: light ? 'rgba(255,255,255,0.7)' : '#8c8c8c', letterSpacing: 1 }}>Tongshang</span>
        </span>
      )}
    </Link>
  );
}
