import '../components/pp-questionnaire/pp-questionnaire.js';
