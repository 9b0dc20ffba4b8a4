export { BillingPage } from '../features/billing/billing-page';
