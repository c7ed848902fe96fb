export default 'layouts/base.njk';
