export { SimulatorPage } from '../features/simulator/simulator-page';
