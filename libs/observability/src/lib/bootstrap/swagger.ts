// OpenAPI UI at /docs and the document at /docs-json, built from the controllers' decorators.
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export function setupSwagger(app: INestApplication, service: string, version = '0.0.0'): void {
  const config = new DocumentBuilder().setTitle(service).setVersion(version).addBearerAuth().build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}
