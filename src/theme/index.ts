export {
  darkTheme,
  lightTheme,
  themeToStyle,
  tokenVariables,
  type ThemeProp,
  type ThemeStyle,
  type ThemeTokens,
} from './tokens.js';
