/** The product's name and version, as app.info reports them. Kept in step with package.json by a test. */
export const APP_NAME = 'PressDesk';
export const APP_VERSION = '0.1.0';
