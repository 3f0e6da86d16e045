export { addCityDays, cityDate, startOfCityDay } from './cityTime'
