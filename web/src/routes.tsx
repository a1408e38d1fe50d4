import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PublicLayout } from './components/PublicLayout.js';
import { RequireAuth } from './components/RequireAuth.js';
import { PageSkeleton } from './components/PageSkeleton.js';

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSkeleton />}>{children}</Suspense>;
}

const Home = lazy(() => import('./pages/Home.js'));
const Search = lazy(() => import('./pages/Search.js'));
const Rfqs = lazy(() => import('./pages/Rfqs.js'));
const RfqPublic = lazy(() => import('./pages/RfqPublic.js'));
const Login = lazy(() => import('./pages/Login.js'));
const Register = lazy(() => import('./pages/Register.js'));
const InvitationPage = lazy(() => import('./pages/Invitation.js'));
const Account = lazy(() => import('./pages/Account.js'));
const CompanyNew = lazy(() => import('./pages/CompanyNew.js'));
const CompanyProfile = lazy(() => import('./pages/CompanyProfile.js'));
const NotFound = lazy(() => import('./pages/NotFound.js'));
const WorkbenchShell = lazy(() => import('./pages/workbench/WorkbenchShell.js'));
const WorkbenchHome = lazy(() => import('./pages/workbench/WorkbenchShell.js').then((m) => ({ default: m.WorkbenchHome })));
const Dashboard = lazy(() => import('./pages/workbench/Dashboard.js'));
const CompanySettings = lazy(() => import('./pages/workbench/CompanySettings.js'));
const CreditPage = lazy(() => import('./pages/workbench/Credit.js'));
const VerifyPage = lazy(() => import('./pages/Verify.js'));
const VerificationPage = lazy(() => import('./pages/workbench/VerificationPage.js'));
const VerificationQueue = lazy(() => import('./pages/admin/VerificationQueue.js'));
const AdminShell = lazy(() => import('./pages/admin/AdminShell.js'));
const AdminOverview = lazy(() => import('./pages/admin/Overview.js'));
const AdminUsers = lazy(() => import('./pages/admin/Users.js'));
const AdminCompanies = lazy(() => import('./pages/admin/Companies.js'));
const AdminEvents = lazy(() => import('./pages/admin/Events.js'));
const AdminMail = lazy(() => import('./pages/admin/Mail.js'));
const TrustPassPage = lazy(() => import('./pages/workbench/TrustPass.js'));
const SandboxPay = lazy(() => import('./pages/SandboxPay.js'));
const AdminPlans = lazy(() => import('./pages/admin/Plans.js'));
const AdminPayments = lazy(() => import('./pages/admin/Payments.js'));
const AdminLedger = lazy(() => import('./pages/admin/Ledger.js'));
const AdminCategories = lazy(() => import('./pages/admin/Categories.js'));
const AdminProducts = lazy(() => import('./pages/admin/Products.js'));
const ShopPage = lazy(() => import('./pages/shop/ShopPage.js'));
const StorefrontEditor = lazy(() => import('./pages/workbench/Storefront.js'));
const CategoryPage = lazy(() => import('./pages/catalog/CategoryPage.js'));
const ProductDetail = lazy(() => import('./pages/catalog/ProductDetail.js'));
const SellerProducts = lazy(() => import('./pages/workbench/Products.js'));
const ProductEditor = lazy(() => import('./pages/workbench/ProductEditor.js'));
const MyRfqs = lazy(() => import('./pages/workbench/rfqs/MyRfqs.js'));
const RfqNew = lazy(() => import('./pages/workbench/rfqs/RfqNew.js'));
const RfqDetail = lazy(() => import('./pages/workbench/rfqs/RfqDetail.js'));
const RfqMarket = lazy(() => import('./pages/workbench/rfqs/RfqMarket.js'));
const MarketRfq = lazy(() => import('./pages/workbench/rfqs/MarketRfq.js'));
const MyQuotes = lazy(() => import('./pages/workbench/rfqs/MyQuotes.js'));
const FavoritesPage = lazy(() => import('./pages/workbench/Favorites.js'));
const NotificationsPage = lazy(() => import('./pages/workbench/Notifications.js'));
const MessagesPage = lazy(() => import('./pages/workbench/Messages.js'));
const InquiryList = lazy(() => import('./pages/workbench/inquiries/InquiryList.js'));
const InquiryThread = lazy(() => import('./pages/workbench/inquiries/InquiryThread.js'));
const OrderList = lazy(() => import('./pages/workbench/orders/OrderList.js'));
const OrderDetail = lazy(() => import('./pages/workbench/orders/OrderDetail.js'));
const Checkout = lazy(() => import('./pages/workbench/orders/Checkout.js'));
const Approvals = lazy(() => import('./pages/workbench/orders/Approvals.js'));
const AdminOrders = lazy(() => import('./pages/admin/Orders.js'));
const AdminTradeSettings = lazy(() => import('./pages/admin/TradeSettings.js'));
const FinancePage = lazy(() => import('./pages/workbench/Finance.js'));
const CreditTermsPage = lazy(() => import('./pages/workbench/CreditTerms.js'));
const AdminReconciliation = lazy(() => import('./pages/admin/Reconciliation.js'));
const AdminCreditLines = lazy(() => import('./pages/admin/CreditLines.js'));
const AdminPayouts = lazy(() => import('./pages/admin/Payouts.js'));
const AfterSalesPage = lazy(() => import('./pages/workbench/AfterSales.js'));
const AdminDisputes = lazy(() => import('./pages/admin/Disputes.js'));
const PurchaseListPage = lazy(() => import('./pages/workbench/PurchaseList.js'));
const InvoiceProfilesPage = lazy(() => import('./pages/workbench/InvoiceProfiles.js'));

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/search', element: <Search /> },
      { path: '/rfqs', element: <Rfqs /> },
      { path: '/rfqs/:id', element: <RfqPublic /> },
      { path: '/c/:categoryId', element: <CategoryPage /> },
      { path: '/products/:id', element: <ProductDetail /> },
      { path: '/login', element: <Login /> },
      { path: '/register', element: <Register /> },
      { path: '/invitations/:token', element: <InvitationPage /> },
      { path: '/account', element: <RequireAuth><Account /></RequireAuth> },
      { path: '/companies/new', element: <RequireAuth><CompanyNew /></RequireAuth> },
      { path: '/companies/:id', element: <CompanyProfile /> },
      { path: '/shop/:slug', element: <ShopPage /> },
      { path: '/verify', element: <VerifyPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  {
    path: '/workbench',
    element: <Lazy><RequireAuth><WorkbenchShell /></RequireAuth></Lazy>,
    children: [
      { index: true, element: <WorkbenchHome /> },
      { path: 'buyer', element: <Dashboard side="buyer" /> },
      { path: 'seller', element: <Dashboard side="seller" /> },
      { path: 'company', element: <CompanySettings /> },
      { path: 'credit', element: <CreditPage /> },
      { path: 'verification', element: <VerificationPage /> },
      { path: 'trustpass', element: <TrustPassPage /> },
      { path: 'storefront', element: <StorefrontEditor /> },
      { path: 'products', element: <SellerProducts /> },
      { path: 'products/new', element: <ProductEditor /> },
      { path: 'products/:id/edit', element: <ProductEditor /> },
      { path: 'rfqs', element: <MyRfqs /> },
      { path: 'rfqs/new', element: <RfqNew /> },
      { path: 'rfqs/:id', element: <RfqDetail /> },
      { path: 'rfq-market', element: <RfqMarket /> },
      { path: 'rfq-market/:id', element: <MarketRfq /> },
      { path: 'quotes', element: <MyQuotes /> },
      { path: 'favorites', element: <FavoritesPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'messages', element: <MessagesPage /> },
      { path: 'inquiries', element: <Navigate to="/workbench/inquiries/sent" replace /> },
      { path: 'inquiries/sent', element: <InquiryList box="sent" key="sent" /> },
      { path: 'inquiries/received', element: <InquiryList box="received" key="received" /> },
      { path: 'inquiries/:id', element: <InquiryThread /> },
      { path: 'checkout', element: <Checkout /> },
      { path: 'orders', element: <OrderList side="buyer" key="buyer" /> },
      { path: 'orders/:id', element: <OrderDetail /> },
      { path: 'sales-orders', element: <OrderList side="seller" key="seller" /> },
      { path: 'approvals', element: <Approvals /> },
      { path: 'finance', element: <FinancePage /> },
      { path: 'credit-terms', element: <CreditTermsPage /> },
      { path: 'after-sales', element: <AfterSalesPage /> },
      { path: 'after-sales/:id', element: <AfterSalesPage /> },
      { path: 'purchase-list', element: <PurchaseListPage /> },
      { path: 'invoice-profiles', element: <InvoiceProfilesPage /> },
    ],
  },
  {
    path: '/admin',
    element: <Lazy><RequireAuth><AdminShell /></RequireAuth></Lazy>,
    children: [
      { index: true, element: <AdminOverview /> },
      { path: 'users', element: <AdminUsers /> },
      { path: 'companies', element: <AdminCompanies /> },
      { path: 'events', element: <AdminEvents /> },
      { path: 'mail', element: <AdminMail /> },
      { path: 'verifications', element: <VerificationQueue /> },
      { path: 'trustpass-plans', element: <AdminPlans /> },
      { path: 'payments', element: <AdminPayments /> },
      { path: 'ledger', element: <AdminLedger /> },
      { path: 'orders', element: <AdminOrders /> },
      { path: 'trade-settings', element: <AdminTradeSettings /> },
      { path: 'reconciliation', element: <AdminReconciliation /> },
      { path: 'credit-lines', element: <AdminCreditLines /> },
      { path: 'payouts', element: <AdminPayouts /> },
      { path: 'categories', element: <AdminCategories /> },
      { path: 'products', element: <AdminProducts /> },
      { path: 'disputes', element: <AdminDisputes /> },
      { path: 'disputes/:id', element: <AdminDisputes /> },
    ],
  },
  { path: '/sandbox/pay/:intentId', element: <Lazy><RequireAuth><SandboxPay /></RequireAuth></Lazy> },
]);
