import { Router } from 'express';
import { customersReport, inventoryReport, salesReport, topProductsReport } from '../../controllers/reports';

export const reportsRouter = Router();

reportsRouter.get('/sales', salesReport);
reportsRouter.get('/top-products', topProductsReport);
reportsRouter.get('/inventory', inventoryReport);
reportsRouter.get('/customers', customersReport);
