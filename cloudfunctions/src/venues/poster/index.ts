// Printable venue posters: the PDF for the door and a PNG of the code.
export { renderPosterPdf, type PosterPdfInput } from './pdf'
export { renderPosterPng, type PosterPngInput } from './png'
